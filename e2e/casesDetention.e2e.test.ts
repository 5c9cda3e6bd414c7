// The 留置 (special extension, notice) and independent-review browser test lives beside the cases module.
import '../src/modules/cases/testing/detention.e2e';
