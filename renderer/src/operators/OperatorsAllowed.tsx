import { createContext, useContext, type ButtonHTMLAttributes, type ReactNode, type Ref } from 'react';
import type { ChannelName } from '../../../electron/contract/channels';
import { needOf, useMay } from './roles';

type Props = ButtonHTMLAttributes<HTMLButtonElement> & { channel: ChannelName; children: ReactNode; ref?: Ref<HTMLButtonElement> };

/**
 * A button for an action the contract guards: for an operator whose role is below the channel's, it
 * stays in view but disabled, with the reason beside it ("Supervisor only — ask a supervisor to sign
 * in"), so nobody on the floor presses it to get a refusal. The role comes from the contract's table.
 */
export function ActionButton({ channel, children, disabled, title, className, ...rest }: Props) {
  const why = useMay()(channel);
  const grouped = useContext(GroupChannel) === channel;
  const button = (
    <button
      {...rest}
      className={className}
      disabled={!!why || disabled}
      title={why ?? title}
      data-need={needOf(channel)}
      data-locked={why ? 'true' : undefined}
    >
      {children}
    </button>
  );
  if (!why || grouped) return button;
  return (
    <span className="role-locked">
      {button}
      <RoleWhy why={why} />
    </span>
  );
}

const RoleWhy = ({ why }: { why: string }) => (
  <small className="role-why" data-testid="role-why">
    {why}
  </small>
);

/** The channel of the ActionGroup around a button: its reason is said once, by the group. */
const GroupChannel = createContext<ChannelName | null>(null);

/**
 * Buttons for one guarded action side by side (Accept / Reject…): locked, they say who can once for
 * the group, not under each button.
 */
export function ActionGroup({ channel, children }: { channel: ChannelName; children: ReactNode }) {
  const why = useMay()(channel);
  return (
    <GroupChannel.Provider value={channel}>
      {why ? (
        <span className="role-locked role-group">
          <span className="role-group-buttons">{children}</span>
          <RoleWhy why={why} />
        </span>
      ) : (
        children
      )}
    </GroupChannel.Provider>
  );
}

/** A form or panel for an action the operator may not take: the reason instead of the fields. */
export function RoleNote({ channel }: { channel: ChannelName }) {
  const why = useMay()(channel);
  if (!why) return null;
  return (
    <p className="role-why role-note" data-testid="role-why">
      {why}
    </p>
  );
}
