import { StatusLabel } from './StatusLabel';

export function OnlineLabel({ online }: { online: boolean }) {
  return online ? (
    <StatusLabel tone="positive">Online</StatusLabel>
  ) : (
    <StatusLabel tone="negative">Offline</StatusLabel>
  );
}
