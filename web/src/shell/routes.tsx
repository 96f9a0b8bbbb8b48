import { Route, type RouteSectionProps } from '@solidjs/router';
import { type Component, lazy } from 'solid-js';
import type { Area } from '../lib/roles.ts';
import { ForgotPassword } from './ForgotPassword.tsx';
import { Home } from './Home.tsx';
import { MyAccount } from './MyAccount.tsx';
import { MySessions } from './MySessions.tsx';
import { NotAllowed } from './NotAllowed.tsx';
import { NotFound } from './NotFound.tsx';
import { Register } from './Register.tsx';
import { RequireArea } from './RequireArea.tsx';
import { ResetPassword } from './ResetPassword.tsx';
import { SignIn } from './SignIn.tsx';
import { TwoStepSignIn } from './TwoStepSignIn.tsx';

/**
 * Pages of one area, each loaded from the area's single chunk the first time one is shown. The lazy
 * page sits inside a plain component so the router cannot preload it: the chunk loads only once the
 * role guard above it renders the page.
 */
function area<M extends Record<string, unknown>>(load: () => Promise<M>) {
  return (name: keyof M & string): Component => {
    const Page = lazy(async () => ({ default: (await load())[name] as Component }));
    return () => <Page />;
  };
}

const reception = area(() => import('../areas/reception/index.ts'));
const doctor = area(() => import('../areas/doctor/index.ts'));
const pharmacy = area(() => import('../areas/pharmacy/index.ts'));
const billing = area(() => import('../areas/billing/index.ts'));
const lab = area(() => import('../areas/lab/index.ts'));
const admin = area(() => import('../areas/admin/index.ts'));
const portal = area(() => import('../areas/portal/index.ts'));

/** An area's role guard, with what the area shows above every one of its pages (e.g. the doctor's critical results). */
const guard = (name: Area, Above?: Component) => (props: RouteSectionProps) => (
  <RequireArea area={name}>
    {Above ? <Above /> : null}
    {props.children}
  </RequireArea>
);

/** Every route; each area's pages sit behind its role guard. */
export function AppRoutes() {
  return (
    <>
      <Route path="/" component={Home} />
      <Route path="/sign-in" component={SignIn} />
      <Route path="/register" component={Register} />
      <Route path="/forgot-password" component={ForgotPassword} />
      <Route path="/reset-password" component={ResetPassword} />
      <Route path="/account" component={MyAccount} />
      <Route path="/account/sessions" component={MySessions} />
      <Route path="/account/security" component={TwoStepSignIn} />
      <Route path="/no-access" component={NotAllowed} />
      <Route path="/reception" component={guard('reception')}>
        <Route path="/" component={reception('DayBoard')} />
        <Route path="/book" component={reception('BookAppointment')} />
        <Route path="/series" component={reception('BookSeries')} />
        <Route path="/follow-ups" component={reception('FollowUps')} />
        <Route path="/queue" component={reception('QueueBoard')} />
        <Route path="/waitlist" component={reception('Waitlist')} />
        <Route path="/patients" component={reception('Patients')} />
        <Route path="/appointments/:id" component={reception('AppointmentDetail')} />
      </Route>
      <Route path="/doctor" component={guard('doctor', doctor('CriticalAlerts'))}>
        <Route path="/" component={doctor('MyDay')} />
        <Route path="/patients" component={doctor('FindPatient')} />
        <Route path="/results" component={doctor('ResultsInbox')} />
        <Route path="/patients/:id" component={doctor('PatientChart')} />
        <Route path="/encounters/:id" component={doctor('EncounterPage')} />
        <Route path="/certificates" component={doctor('Certificates')} />
        <Route path="/imaging" component={doctor('ImagingWorklist')} />
      </Route>
      <Route path="/pharmacy" component={guard('pharmacy')}>
        <Route path="/" component={pharmacy('DispenseQueue')} />
        <Route path="/dispense/:id" component={pharmacy('Dispense')} />
        <Route path="/stock" component={pharmacy('StockLevels')} />
        <Route path="/alerts" component={pharmacy('Alerts')} />
        <Route path="/orders" component={pharmacy('PurchaseOrders')} />
        <Route path="/stock-changes" component={pharmacy('StockChanges')} />
        <Route path="/ledger" component={pharmacy('StockLedger')} />
        <Route path="/equipment" component={pharmacy('Equipment')} />
      </Route>
      <Route path="/billing" component={guard('billing')}>
        <Route path="/" component={billing('Invoices')} />
        <Route path="/invoices/:id" component={billing('InvoiceDetail')} />
        <Route path="/claims" component={billing('Claims')} />
        <Route path="/reports" component={billing('Reports')} />
        <Route path="/charges" component={billing('UnpricedCharges')} />
        <Route path="/statements" component={billing('Statement')} />
        <Route path="/accounts" component={billing('PatientAccount')} />
      </Route>
      <Route path="/lab" component={guard('lab')}>
        <Route path="/" component={lab('Worklist')} />
        <Route path="/released" component={lab('ReleasedOrders')} />
        <Route path="/orders/:id" component={lab('LabOrderPage')} />
      </Route>
      <Route path="/admin" component={guard('admin')}>
        <Route path="/" component={admin('Users')} />
        <Route path="/schedules" component={admin('Schedules')} />
        <Route path="/facilities" component={admin('Facilities')} />
        <Route path="/lab-policy" component={admin('LabPolicy')} />
        <Route path="/sessions" component={admin('SessionPolicy')} />
        <Route path="/providers" component={admin('Providers')} />
        <Route path="/catalogue" component={admin('Catalogue')} />
        <Route path="/suppliers" component={admin('Suppliers')} />
        <Route path="/locations" component={admin('Locations')} />
        <Route path="/prices" component={admin('PriceList')} />
        <Route path="/audit" component={admin('AuditLog')} />
        <Route path="/emergency-access" component={admin('EmergencyAccess')} />
        <Route path="/sign-in-activity" component={admin('SignInActivity')} />
        <Route path="/merge-patients" component={admin('MergePatients')} />
      </Route>
      <Route path="/portal" component={guard('portal')}>
        <Route path="/" component={portal('MyAppointments')} />
        <Route path="/book" component={portal('BookSlot')} />
        <Route path="/prescriptions" component={portal('MyPrescriptions')} />
        <Route path="/results" component={portal('MyResults')} />
        <Route path="/certificates" component={portal('MyCertificates')} />
        <Route path="/documents" component={portal('MyDocuments')} />
        <Route path="/invoices" component={portal('MyInvoices')} />
        <Route path="/statement" component={portal('MyStatement')} />
        <Route path="/visits" component={portal('MyVisits')} />
        <Route path="/health" component={portal('MyHealth')} />
        <Route path="/profile" component={portal('MyProfile')} />
        <Route path="/messages" component={portal('Notifications')} />
      </Route>
      <Route path="*" component={NotFound} />
    </>
  );
}
