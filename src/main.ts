import { mount } from 'svelte';
import App from './app/App.svelte';
import './app/app.css';
import './export/print.css';
import EmbedApp from './embed/EmbedApp.svelte';
import { readEmbedMode } from './embed/embedMode';

const target = document.getElementById('app');
if (!target) throw new Error('index.html has no #app element');
// `#embed=1&panel=…` renders one panel without the app's chrome, for portals (docs/embedding.md).
const embed = readEmbedMode(location.hash);
if (embed) mount(EmbedApp, { target, props: { mode: embed } });
else mount(App, { target });
