/** The longest sample name the API stores (packages/api/src/schemas/agreement.ts). */
export const SAMPLE_NAME_MAX_LENGTH = 120;
