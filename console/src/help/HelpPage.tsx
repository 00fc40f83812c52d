import { useState } from 'react';
import { Alert, Box, Card, CardContent, Tab, Tabs, Typography } from '@mui/material';
import { Title, useGetIdentity, useLocaleState, useTranslate } from 'react-admin';
import { ROLES, type Role } from '../../../server/api/roles';
import { HELP } from './topics';

/** The short guide of each role; the signed-in role's comes first and opens by itself. */
export const HelpPage = () => {
  const translate = useTranslate();
  const [locale] = useLocaleState();
  const { identity } = useGetIdentity();
  const own = identity?.role as Role | undefined;
  const roles = own ? [own, ...ROLES.filter((r) => r !== own)] : [...ROLES];
  const [picked, pick] = useState<Role | null>(null);
  const role = picked ?? roles[0];
  const topic = HELP[role][locale === 'en' ? 'en' : 'vi'];
  return (
    <Box sx={{ mt: 2, maxWidth: 900 }}>
      <Title title={translate('chiso.help.title')} />
      <Tabs value={role} onChange={(_, r: Role) => pick(r)} variant="scrollable" sx={{ mb: 1 }}>
        {roles.map((r) => (
          <Tab key={r} value={r} label={translate(`chiso.role.${r}`)} data-testid={`help-tab-${r}`} />
        ))}
      </Tabs>
      <Card data-testid="help-topic" data-role={role}>
        <CardContent>
          <Typography variant="h5" component="h1" gutterBottom>
            {topic.title}
          </Typography>
          <Typography variant="body1" sx={{ mb: 2 }}>
            {topic.intro}
          </Typography>
          <Box component="ol" sx={{ pl: 3, m: 0, '& li': { mb: 1 } }}>
            {topic.steps.map((step, i) => (
              <Typography component="li" variant="body1" key={i}>
                {step}
              </Typography>
            ))}
          </Box>
          {topic.note && (
            <Alert severity="info" sx={{ mt: 2 }}>
              {topic.note}
            </Alert>
          )}
        </CardContent>
      </Card>
    </Box>
  );
};
