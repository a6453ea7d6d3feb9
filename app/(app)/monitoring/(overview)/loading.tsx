// The overview streams behind the monitoring skeleton.
export { default } from "../monitoring-skeleton";
