import type { ResourceProps } from 'react-admin';
import EmojiEvents from '@mui/icons-material/EmojiEvents';
import { PublishedRankingList } from './PublishedRankingList';
import { PublishedRankingShow } from './PublishedRankingShow';

export const publishedRankings: Partial<ResourceProps> = {
  list: PublishedRankingList,
  show: PublishedRankingShow,
  icon: EmojiEvents,
  recordRepresentation: 'periodTitle',
};
