-- CreateIndex
CREATE UNIQUE INDEX "Document_workerId_kind_number_key" ON "Document"("workerId", "kind", "number");
