// The staff's table of contracts: the full list (/admin/contrats) and a
// worker's contracts (/admin/interimaires/[id]), which leaves out the columns
// that name the worker or repeat the contract's details.
import Link from "next/link";
import { Badge } from "@/components/ui/badge";
import { TBody, THead, Table, Td, Th, Tr } from "@/components/ui/table";
import { CONTRACT_STATE_LABELS, CONTRACT_STATE_TONES } from "@/lib/contracts/rules";
import { personName, qualificationLabel } from "@/lib/backoffice/scope";
import { formatDashedDate, formatDateTime } from "@/lib/format";
import type { ContractState } from "@/lib/generated/prisma/enums";

type ContractRow = {
  id: string;
  number: string;
  reference: string;
  startDate: Date;
  endDate: Date;
  state: ContractState;
  client: { name: string };
};

type DetailedContractRow = ContractRow & {
  worker: { user: { firstName: string; lastName: string } };
  qualification: { code: string; label: string };
  hoursLabel: string;
  createdAt: Date;
};

type Props = { caption: string } & ({ detailed: true; contracts: DetailedContractRow[] } | { detailed?: false; contracts: ContractRow[] });

export function ContractTable(props: Props) {
  const detailed = props.detailed === true;
  return (
    // Ten columns in the 942 px of a 1280 px screen: tighter cells, dates and hours kept whole.
    <Table caption={props.caption} className="sm:[&_td]:px-2.5 sm:[&_th]:px-2.5">
      <THead>
        <tr>
          <Th>N°</Th>
          <Th>Référence</Th>
          {detailed ? (
            <>
              <Th>Intérimaire</Th>
              <Th>Qualification</Th>
            </>
          ) : null}
          <Th>Date de mission</Th>
          {detailed ? <Th>Horaires</Th> : null}
          <Th>Entreprise</Th>
          {detailed ? <Th>Date de création</Th> : null}
          <Th>État</Th>
        </tr>
      </THead>
      <TBody>
        {props.contracts.map((c) => {
          const full = props.detailed ? (c as DetailedContractRow) : null;
          return (
            <Tr key={c.id}>
              <Td label="N°">
                <Link href={`/admin/contrats/${c.id}`} className="text-brand-700 font-semibold hover:underline">
                  {c.number}
                </Link>
              </Td>
              <Td label="Référence">{c.reference}</Td>
              {full ? (
                <>
                  <Td label="Intérimaire">{personName(full.worker.user)}</Td>
                  <Td label="Qualification">{qualificationLabel(full.qualification)}</Td>
                </>
              ) : null}
              <Td label="Date de mission">
                <div>
                  <span className="whitespace-nowrap">Du {formatDashedDate(c.startDate)}</span>{" "}
                  <span className="whitespace-nowrap">Au {formatDashedDate(c.endDate)}</span>
                </div>
              </Td>
              {full ? (
                <Td label="Horaires" className="tabular-nums">
                  {full.hoursLabel}
                </Td>
              ) : null}
              <Td label="Entreprise">{c.client.name}</Td>
              {full ? <Td label="Date de création">{formatDateTime(full.createdAt)}</Td> : null}
              <Td label="État">
                <Badge tone={CONTRACT_STATE_TONES[c.state]}>{CONTRACT_STATE_LABELS[c.state]}</Badge>
              </Td>
            </Tr>
          );
        })}
      </TBody>
    </Table>
  );
}
