/** Statistical bid-rigging screens: formulas, per-market calibration, the combined model, and tender hits. */
export { computeScreens, SCREEN_DIRECTION, SCREEN_NAMES, type ScreenName, type Screens } from './formulas';
export { calibrateByMarket, calibrateMarket, screenableAmounts, tenderScreens, youdenThreshold, type CalibrationOptions, type MarketCalibration, type ScreenThreshold } from './calibrate';
export { crossValidatedScores, FEATURE_NAMES, screenFeatures, scoreWithModel, stratifiedFolds, trainScreenModel, type ScreenModel, type TrainOptions } from './model';
export { fitLogistic, predictLogistic, type LogisticModel } from './logistic';
export { screenTenders, SCREEN_CODE } from './screenFlags';
export { auc, quantileType8 } from './stats';
