import { accountabilityEn } from '../../modules/accountability/pages/messages.en';
import { spendingEn } from '../../modules/spending/pages/messages.en';
import { penaltyEn } from '../../modules/penaltyDiscretion/pages/messages.en';
import { villageAssetsEn } from '../../modules/villageAssets/pages/messages.en';
import { campaignsEn } from '../../modules/campaigns/pages/messages.en';
import { preventionEn } from '../../modules/prevention/pages/messages.en';
import { casesEn } from '../../modules/cases/pages/messages.en';
import { dutyEn } from '../../modules/duty/pages/messages.en';
import { disclosureEn } from '../../modules/disclosure/pages/messages.en';
import { riskEn } from '../../modules/risk/pages/messages.en';
import { analysisEn } from '../../modules/analysis/pages/messages.en';
import { orgEn } from '../../modules/org/pages/messages.en';
import { reportsEn } from '../../modules/reports/pages/messages.en';
import type { MessageKey } from './zh-CN';

type ShellKey = Exclude<MessageKey, keyof typeof orgEn | keyof typeof analysisEn | keyof typeof reportsEn | keyof typeof casesEn | keyof typeof riskEn | keyof typeof campaignsEn | keyof typeof dutyEn | keyof typeof disclosureEn | keyof typeof preventionEn | keyof typeof accountabilityEn | keyof typeof spendingEn | keyof typeof penaltyEn | keyof typeof villageAssetsEn>;

const shell: Record<ShellKey, string> = {
  'app.name': 'Lianjian',
  'app.shortName': 'LJ',
  'app.title': 'Lianjian · County CDI Working Platform',
  'app.subtitle': 'County Commission for Discipline Inspection and Supervision',

  'menu.home': 'Workbench',
  'menu.group.org': 'Organisation',
  'menu.group.system': 'System',
  'menu.orgUnits': 'Units',
  'menu.officials': 'Officials',
  'menu.companies': 'Companies',
  'menu.users': 'Users',
  'menu.roles': 'Roles',
  'menu.audit': 'Audit log',
  'menu.settings': 'My settings',

  'header.unit': 'Your unit',
  'header.logout': 'Log out',
  'header.notifications': 'Notifications',
  'notifications.empty': 'No notifications',
  'notifications.markAllRead': 'Mark all read',

  'common.required': 'Required',
  'importJob.errorsTitle': 'Not imported: {n} errors',
  'importJob.errorsHint': 'A file with any wrong row is not imported; fix the places below and import again.',
  'importJob.sheet': 'Sheet',
  'importJob.row': 'Row',
  'importJob.column': 'Column',
  'importJob.line': 'Line',
  'importJob.message': 'Message',
  'common.save': 'Save',
  'common.saved': 'Saved',
  'common.cancel': 'Cancel',
  'common.close': 'Close',
  'common.edit': 'Edit',
  'common.delete': 'Delete',
  'common.actions': 'Actions',
  'common.search': 'Search',
  'common.export': 'Export',
  'common.empty': 'No data',
  'common.yes': 'Yes',
  'common.no': 'No',
  'common.total': '{n} in total',

  'login.username': 'Username',
  'login.usernameRequired': 'Enter your username',
  'login.password': 'Password',
  'login.passwordRequired': 'Enter your password',
  'login.totpCode': 'Authenticator code',
  'login.totpFormat': 'Enter the 6-digit code',
  'login.totpPrompt': 'This account uses two-factor authentication: enter the 6-digit code from your authenticator app',
  'login.totpInvalid': 'Wrong authenticator code',
  'login.submit': 'Log in',
  'login.footer': 'Authorised personnel only; every action is recorded in the audit log',

  'forced.who': '{name} ({unit}): ',
  'forced.password': 'This is your first login or your password was reset: change your password to continue.',
  'forced.totp': 'Your role requires two-factor authentication: set it up to continue.',

  'password.title': 'Change password',
  'password.current': 'Current password',
  'password.new': 'New password',
  'password.confirm': 'Confirm new password',
  'password.policy': 'At least 8 characters, from at least 3 of: upper case, lower case, digits, symbols',
  'password.weak': 'Password too weak',
  'password.mismatch': 'The new passwords do not match',
  'password.submit': 'Change password',
  'password.changed': 'Password changed',

  'totp.title': 'Two-factor authentication (TOTP)',
  'totp.intro': 'Once set up, logging in also needs the 6-digit code from an authenticator app (e.g. FreeOTP, Google Authenticator).',
  'totp.start': 'Set up',
  'totp.scan': 'Scan the QR code with your authenticator app or type in the secret, then enter the 6-digit code it shows.',
  'totp.secret': 'Secret',
  'totp.url': 'Setup URL',
  'totp.confirm': 'Verify and enable',
  'totp.enabled': 'Two-factor authentication enabled',
  'totp.disable': 'Disable two-factor authentication',
  'totp.disabled': 'Two-factor authentication disabled',
  'totp.requiredByRole': 'Your role requires two-factor authentication; it cannot be disabled.',
  'totp.statusOn': 'Enabled',
  'totp.statusOff': 'Not enabled',

  'profile.title': 'Profile',
  'profile.username': 'Username',
  'profile.displayName': 'Name',
  'profile.unit': 'Unit',
  'profile.roles': 'Roles',
  'profile.dataScope': 'Data scope',
  'profile.language': 'Language',

  'home.title': 'Workbench',
  'home.welcome': 'Hello, {name}',
  'home.quickLinks': 'Shortcuts',

  'error.forbidden': 'You do not have permission to open this page',
  'error.notFound': 'Page not found',
  'error.backHome': 'Back to workbench',

  'dataScope.all': 'All',
  'dataScope.custom': 'Custom',
  'dataScope.unit': 'Own unit',
  'dataScope.unitAndBelow': 'Own unit and below',
  'dataScope.self': 'Self only',

  'unitKind.county': 'County',
  'unitKind.subdistrict': 'Subdistrict',
  'unitKind.town': 'Town',
  'unitKind.township': 'Township',
  'unitKind.townshipOther': 'Other township-level unit',
  'unitKind.community': 'Community',
  'unitKind.village': 'Village',
  'unitKind.cdi': 'County CDI',
  'unitKind.department': 'Department',
  'unitKind.stationedTeam': 'Stationed CDI team',
  'unitKind.enterprise': 'Enterprise',
  'unitKind.other': 'Other',

  'permGroup.org': 'Organisation',
  'permGroup.system': 'System',
  'permGroup.audit': 'Audit',
  'permGroup.reports': 'Reports',
  'permGroup.cases': 'Clues and cases',
  'permGroup.duty': 'Responsibility system',
  'permGroup.campaigns': 'Special campaigns',
  'permGroup.risk': 'Integrity risk',
  'permGroup.disclosure': 'Disclosure and village assets',
  'permGroup.accountability': 'Accountability',
  'permGroup.analysis': 'Situation analysis',

  'audit.at': 'Time',
  'audit.actor': 'Actor',
  'audit.action': 'Action',
  'audit.objectType': 'Object type',
  'audit.objectId': 'Object ID',
  'audit.clientIp': 'IP address',
  'audit.detail': 'Detail',
  'audit.chainSeq': 'Seq.',
  'audit.hash': 'Hash',
  'audit.exportCsv': 'Export CSV',
  'audit.verify': 'Verify chain',
  'audit.verifyOk': 'Chain intact: {n} entries checked',
  'audit.verifyBroken': 'Chain verification failed ({n} entries checked)',
  'audit.brokenAt': 'Broken at seq. {seq} (ID {id}): {reason}',
};

export const en: Record<MessageKey, string> = { ...shell, ...orgEn, ...analysisEn, ...reportsEn, ...casesEn, ...riskEn, ...campaignsEn, ...dutyEn, ...disclosureEn, ...preventionEn, ...accountabilityEn, ...spendingEn, ...penaltyEn, ...villageAssetsEn };
