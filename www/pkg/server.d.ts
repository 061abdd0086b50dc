// trade-chart {{version}}: `trade-chart/server` (Node): the chart's published picture for a
// page rendered on the server.

/** create()'s options that a server render writes as the element's attributes. */
export interface RenderOptions {
  view?: string;
  lang?: string;
  theme?: 'auto' | 'light' | 'dark';
  height?: number;
  loading?: 'lazy' | 'eager';
  /**
   * `'page'`: for a page whose CSP refuses inline styles (`style-src 'self'`), the picture
   * without its `<style>`, a child of the element (no declarative shadow root), styled by
   * the page's own `<link rel="stylesheet">` to `trade-chart.css` in its `<head>`; the
   * element moves it into its shadow root when defined. Default `'inline'`.
   */
  style?: 'inline' | 'page';
}

/**
 * The markup of a `<trade-chart>` element with the chart's picture in a declarative
 * shadow root (shown before any script, and without one) and the dataset inline; the
 * element takes the picture over in the browser. Throws an Error with `.code` and
 * `.path` for a dataset or an option that does not check.
 * @param data the dataset (an object, or its JSON text); none: the story's
 */
export function render(data?: object | string, options?: RenderOptions): string;
