export { escapeMarkdownHtml } from './markdown';
export { createRandom, createXoshiro128StarStar, type Random } from './random';
export { err, ok, type Result } from './result';
