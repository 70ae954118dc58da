// The app's version, shown in the title bar and written into exports.
export const APP_VERSION = '0.1.0';
export const APP_NAME = '规划评估台';
