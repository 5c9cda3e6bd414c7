// The reports settings page's browser test lives beside the reports module; the e2e suite runs it from here.
import '../src/modules/reports/testing/settings.e2e';
