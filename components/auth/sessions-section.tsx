// "Vos sessions ouvertes": each signed-in browser of the caller, with
// "Déconnecter" for the others. Server-rendered, plain forms: no JavaScript needed.
import { Alert } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card, CardHeader } from "@/components/ui/card";
import { disconnectOtherSessions, disconnectSession } from "@/lib/auth/session-actions";
import { sessionsStatusOf } from "@/lib/auth/sessions-status";
import { listOpenSessions, type SessionOwner } from "@/lib/auth/user-sessions";
import { formatDateTime, formatLastSeen } from "@/lib/format";

export async function SessionsSection({ owner, status }: { owner: SessionOwner; status?: string | string[] }) {
  const now = new Date();
  const sessions = await listOpenSessions(owner, now);
  const answer = sessionsStatusOf(status);
  const others = sessions.filter((s) => !s.current).length;
  return (
    <Card as="section" aria-labelledby="sessions">
      <CardHeader
        id="sessions"
        title="Sessions ouvertes"
        description="Les appareils connectés à votre compte. Si vous n'en reconnaissez pas un, déconnectez-le et changez votre mot de passe."
      />
      {answer ? (
        <Alert variant={answer.kind} role={answer.kind === "error" ? "alert" : "status"} className="mb-4">
          {answer.text}
        </Alert>
      ) : null}
      <ul className="divide-y divide-slate-100" aria-label="Sessions ouvertes">
        {sessions.map((s) => (
          <li key={s.id} className="flex flex-wrap items-center justify-between gap-3 py-3" data-testid="session">
            <div className="min-w-0">
              <p className="flex flex-wrap items-center gap-2 font-medium text-slate-900">
                <span>{s.device}</span>
                {s.current ? <Badge tone="success">Cette session</Badge> : null}
              </p>
              <p className="text-sm text-slate-600">
                {s.place ? <>Adresse IP {s.place} · </> : null}
                Dernière activité : {s.current ? "maintenant" : formatLastSeen(s.lastSeenAt, now)}
              </p>
              <p className="text-xs text-slate-500">Connexion le {formatDateTime(s.createdAt)}</p>
            </div>
            {s.current ? null : (
              <form action={disconnectSession}>
                <input type="hidden" name="sessionId" value={s.id} />
                <Button type="submit" size="sm" variant="secondary" aria-label={`Déconnecter : ${s.device}`}>
                  Déconnecter
                </Button>
              </form>
            )}
          </li>
        ))}
      </ul>
      {others > 0 ? (
        <form action={disconnectOtherSessions} className="mt-4">
          <Button type="submit" size="sm" variant="danger">
            Déconnecter les autres sessions
          </Button>
        </form>
      ) : (
        <p className="mt-2 text-sm text-slate-600">Aucune autre session ouverte.</p>
      )}
    </Card>
  );
}
