import { chromium } from 'playwright-core';
import { pdfPageTexts } from './e2e/specs/pdf-text.ts';
const b = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--headless','--no-sandbox','--disable-gpu'] });
const p = await b.newPage();
await p.setContent(`<style>@page { size: A4; margin: 18mm; @top-left { content: "Ticket router — report v1 <x> \\"q\\""; font-size: 9pt } } section { break-before: page }</style><section>One</section><section>Two fi fl</section><section>Three</section>`);
const pdf = await p.pdf({ preferCSSPageSize: true });
await b.close();
console.log(pdfPageTexts(pdf));
