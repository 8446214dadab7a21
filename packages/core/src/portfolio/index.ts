/**
 * The workspace portfolio: one line per project with what each of its tabs answers (verdict, ceiling,
 * target, time to target, best angle and its net value, MLOps levels, latest version) and what it lacks.
 */
export { PORTFOLIO_CSV_COLUMNS, portfolioToCsv } from './csv';
export {
  buildPortfolioRow,
  type PortfolioDecision,
  type PortfolioGap,
  type PortfolioProjectInputs,
  type PortfolioRow,
  type PortfolioTab,
} from './portfolio-row';
