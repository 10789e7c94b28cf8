/** Single-station mode: the console works alone; how to make it one station of a site. */
export function SiteSingle({ station }: { station: string }) {
  return (
    <section className="card site-single" data-testid="site-single" aria-labelledby="site-single-title">
      <h2 id="site-single-title">This console works alone</h2>
      <p>
        It keeps its own orders, parcels and tracking numbers and needs no server. To share one truth with other pick stations, the dispatch desk and a
        supervisor PC, join a site:
      </p>
      <ol className="site-steps">
        <li>
          On the PC that will be the site server, run
          <code data-testid="site-cmd-server">npm run cli -- site server --dir &lt;dir&gt; --port &lt;n&gt;</code>
          It starts PostgreSQL in <code>&lt;dir&gt;</code> and prints a <b>join code</b>.
        </li>
        <li>
          On this console, run
          <code data-testid="site-cmd-join">npm run cli -- site join &lt;code&gt; --data &lt;this console’s data dir&gt;</code>
        </li>
        <li>Restart this console. This screen then shows the link to the server, every station and any conflict to settle.</li>
      </ol>
      <p className="muted">
        This station: <span className="mono">{station}</span>. Picking, printing and dispatch work the same either way.
      </p>
    </section>
  );
}
