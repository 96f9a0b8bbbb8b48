import { cleanup, fireEvent, screen, waitFor } from '@solidjs/testing-library';
import { afterEach, describe, expect, it } from 'vitest';
import { accountWith } from '../../testing/render-app.tsx';
import { renderComponent } from '../../testing/render-component.tsx';
import { ImagingReportForm } from './ImagingReportForm.tsx';

afterEach(cleanup);

describe('correcting an imaging report', () => {
  it('needs a reason, and sends it with the new report', async () => {
    const view = renderComponent(() => <ImagingReportForm orderId="rad-1" label="Maria Garcia, X-ray Chest PA" correcting />, {
      account: accountWith(['DOCTOR']),
      handlers: { ReportImaging: () => ({ data: { reportImaging: { id: 'rad-1', status: 'REPORTED' } } }) },
    });
    fireEvent.input(screen.getByLabelText('Findings'), { target: { value: 'Small nodule right apex.' } });
    fireEvent.input(screen.getByLabelText('Impression'), { target: { value: 'Nodule; CT advised.' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save corrected report' }));
    expect(await screen.findByText('Say why the report is corrected (at least 5 characters).')).toBeTruthy();
    expect(view.gateway.named('ReportImaging')).toHaveLength(0);
    fireEvent.input(screen.getByLabelText('Reason for the correction'), { target: { value: 'Second read found a nodule' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save corrected report' }));
    await waitFor(() => expect(view.gateway.named('ReportImaging')).toHaveLength(1));
    expect(view.gateway.named('ReportImaging')[0]?.variables).toEqual({
      orderId: 'rad-1',
      findings: 'Small nodule right apex.',
      impression: 'Nodule; CT advised.',
      correctionReason: 'Second read found a nodule',
    });
  });
});
