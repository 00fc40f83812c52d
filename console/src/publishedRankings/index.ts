import type { ResourceProps } from 'react-admin';
import { lazyNamed } from '../common/lazyNamed';
import EmojiEvents from '@mui/icons-material/EmojiEvents';

const PublishedRankingList = lazyNamed(() => import('./PublishedRankingList'), 'PublishedRankingList');
const PublishedRankingShow = lazyNamed(() => import('./PublishedRankingShow'), 'PublishedRankingShow');

export const publishedRankings: Partial<ResourceProps> = {
  list: PublishedRankingList,
  show: PublishedRankingShow,
  icon: EmojiEvents,
  recordRepresentation: 'periodTitle',
};
