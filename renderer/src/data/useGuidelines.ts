// The guidelines this app shows (and stamps labels with), refreshed when a lead saves a new
// version anywhere (the backend's folder watcher sends `project:changed`).
import type { GuidelinesView } from '../../../shared/guidelines';
import { useQuery, type Query } from './useQuery';

export function useGuidelines(enabled = true): Query<GuidelinesView> {
  return useQuery('guidelines:get', undefined, { refreshOn: ['project:changed'], enabled });
}
