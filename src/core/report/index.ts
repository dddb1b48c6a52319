export * from './model.js';
export * from './escape.js';
export * from './render-markdown.js';
export * from './render-check.js';
export * from './render-junit.js';
export * from './render-terminal.js';
export * from './render-html.js';
