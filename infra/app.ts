import { createApp } from './create-app';

// The CLI (cdk.json "app") runs this file; the App synthesises itself when the process ends.
createApp();
