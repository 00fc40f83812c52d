import { Step, StepLabel, Stepper } from '@mui/material';
import { useTranslate } from 'react-admin';
import { PERIOD_STEPS, type PeriodStatus } from './steps';

/** Where the period is in its life: open → appraisal → closed → published. */
export const PeriodStepper = ({ status }: { status: string }) => {
  const translate = useTranslate();
  const active = PERIOD_STEPS.indexOf(status as PeriodStatus);
  return (
    <Stepper
      activeStep={status === 'published' ? PERIOD_STEPS.length : active}
      alternativeLabel
      sx={{ my: 2 }}
      data-testid="period-stepper"
    >
      {PERIOD_STEPS.map((s) => (
        <Step key={s}>
          <StepLabel>{translate(`chiso.periodStatus.${s}`)}</StepLabel>
        </Step>
      ))}
    </Stepper>
  );
};
