/**
 * Who may connect how: the admin (postgres) only from this machine; stations and the join role only to the
 * site database, and over TLS from other machines when the server has it. Written at every start.
 */
export function hbaConf(database: string, tls: boolean): string {
  const remote = tls ? 'hostssl' : 'host';
  return [
    '# Written by Firstscan at every start of the site server: edits here are overwritten.',
    'host    all         postgres  127.0.0.1/32  scram-sha-256',
    'host    all         postgres  ::1/128       scram-sha-256',
    'host    all         postgres  0.0.0.0/0     reject',
    'host    all         postgres  ::/0          reject',
    `host    ${database}  all       127.0.0.1/32  scram-sha-256`,
    `host    ${database}  all       ::1/128       scram-sha-256`,
    `${remote} ${database}  all       0.0.0.0/0     scram-sha-256`,
    `${remote} ${database}  all       ::/0          scram-sha-256`,
    '',
  ].join('\n');
}
