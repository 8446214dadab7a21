/**
 * User text made inert in Markdown: `&`, `<` and `>` become entities, so `<script>` or
 * `<img onerror=…>` renders as the text typed, never as HTML, in any renderer that passes HTML through.
 * Every Markdown export (worksheet, roadmap, report) runs user text through this.
 */
export function escapeMarkdownHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}
