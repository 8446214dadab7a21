export { RoadmapTab, type RoadmapTabProps } from './roadmap-tab';
