import { useEffect, useState } from 'react';
import { call } from '../api/client';
import { useChannel } from '../hooks/useApi';
import { FormError, issueAt, useAction } from '../ui/Field';
import { ActionButton } from '../operators/OperatorsAllowed';

/**
 * A store's tracking page (seed step 6): the merchant's own or a tracking app's page for the buyer
 * messages the console writes and, where chosen, the URL Shopify shows; and whether the monitor's
 * milestones go to Shopify as fulfillment events.
 */
export function ShopifyTrackingPage({ storeId }: { storeId: string }) {
  const pages = useChannel('shopify.trackingPages', {}, (t) => t === 'shopify.tracking_page_set');
  const page = pages.data?.find((p) => p.storeId === storeId);
  const [template, setTemplate] = useState('');
  const [useInShopify, setUse] = useState(false);
  const [milestones, setMilestones] = useState(true);
  useEffect(() => {
    if (!page) return;
    setTemplate(page.template ?? '');
    setUse(page.useInShopify);
    setMilestones(page.milestones);
  }, [page]);
  const save = useAction();
  if (!page) return null;
  return (
    <details className="store-tracking-page" data-testid="tracking-page">
      <summary>
        Tracking page: <span className="mono">{page.template ?? 'the carrier’s'}</span>
        {page.milestones ? ' · milestones to Shopify' : ''}
      </summary>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          void save
            .run(() => call('shopify.trackingPage', { storeId, template: template.trim() || null, useInShopify, milestones }))
            .then((r) => r && pages.reload());
        }}
      >
        <label className="small-note">
          Page address, with {'{number}'} (also {'{carrier}'}, {'{order}'}); empty for the carrier’s page
          <input
            className="mono"
            value={template}
            onChange={(e) => setTemplate(e.target.value)}
            placeholder="https://yourstore.com/apps/track?n={number}"
            aria-invalid={issueAt(save.failure, 'template') ? true : undefined}
            data-testid="tracking-page-template"
          />
        </label>
        <label className="check">
          <input type="checkbox" checked={useInShopify} onChange={(e) => setUse(e.target.checked)} data-testid="tracking-page-shopify" /> Send this page to
          Shopify as the tracking URL
        </label>
        <label className="check">
          <input type="checkbox" checked={milestones} onChange={(e) => setMilestones(e.target.checked)} data-testid="tracking-page-milestones" /> Send
          milestones (handed over, in transit, out for delivery, delivered, delay) to Shopify as fulfillment events
        </label>
        <ActionButton channel="shopify.trackingPage" type="submit" className="small-btn" disabled={save.busy} data-testid="tracking-page-save">
          Save
        </ActionButton>
        <FormError failure={save.failure} />
      </form>
    </details>
  );
}
