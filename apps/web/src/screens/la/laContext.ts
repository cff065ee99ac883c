import { createSignal, type Accessor } from 'solid-js';
import { useSession } from '../../session/SessionContext';

/**
 * The signed-in person's place in the LA: its code and whether they are an officer or a
 * facilitator there. Only to choose what to offer: the server's policy decides every request.
 */
export function useLaRole() {
  const session = useSession();
  const roles = () => session.me()?.roles ?? [];
  const laCode: Accessor<number | undefined> = () => roles().find((r) => r.laCode !== undefined)?.laCode;
  const isOfficer = () => roles().some((r) => r.role === 'la-officer' && r.laCode === laCode());
  const isFacilitator = () => roles().some((r) => r.role === 'la-facilitator' && r.laCode === laCode());
  return { laCode, isOfficer, isFacilitator, mayBroker: () => isOfficer() || isFacilitator() };
}

/** A counter bumped when something is recorded, so the overview and ledger fetch again. */
const [revision, setRevision] = createSignal(0);
export const laRevision = revision;
export const bumpLaRevision = (): void => { setRevision((n) => n + 1); };
