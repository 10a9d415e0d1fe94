import type { PublishedDocument } from './publication.js';

/** A document whose content could not be rendered into one output; that output says so instead. */
export interface RenderFailure {
  doc: PublishedDocument;
  /** The output file, relative to the output folder. */
  output: string;
  message: string;
}

export function renderFailure(doc: PublishedDocument, output: string, error: unknown): RenderFailure {
  return { doc, output, message: error instanceof Error ? error.message : String(error) };
}

/** The sentence an output shows in place of the content it could not render. */
export function failureSentence(failure: RenderFailure): string {
  return `This document could not be rendered: ${failure.message}. The build reported it as an error on ${failure.doc.source.path}.`;
}
