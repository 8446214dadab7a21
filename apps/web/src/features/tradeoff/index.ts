export { TradeoffTab, type TradeoffTabProps } from './tradeoff-tab';
