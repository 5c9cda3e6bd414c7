import { useParams } from 'react-router-dom';
import { PageHeader } from '../../../web/components/PageHeader';
import { useT } from '../../../web/i18n';
import { RoundPanel } from './RoundPanel';

/** An appraisal round on its own (a round not held with a meeting, or opened from the analysis drill-down). */
export default function RoundPage() {
  const t = useT();
  const { id = '' } = useParams();
  return (
    <>
      <PageHeader title={t('duty.ui.rounds')} crumbs={[t('menu.group.duty'), t('menu.dutyMeetings')]} />
      <RoundPanel id={id} />
    </>
  );
}
