import { mount } from 'svelte';
import App from './app/App.svelte';
import './app/app.css';
import './export/print.css';
import EmbedApp from './embed/EmbedApp.svelte';
import { readEmbedMode } from './embed/embedMode';
import { reloadOnStaleChunks } from './offline/staleChunks';

const target = document.getElementById('app');
if (!target) throw new Error('index.html has no #app element');
// `#embed=1&panel=…` renders one panel without the app's chrome, for portals (docs/embedding.md).
const embed = readEmbedMode(location.hash);
if (embed) mount(EmbedApp, { target, props: { mode: embed } });
else mount(App, { target });

reloadOnStaleChunks();
// Entering or leaving embed mode by editing the hash of an open page: the two shells differ
// (chrome, engine use), so the page is opened again in the other one rather than patched.
addEventListener('hashchange', () => {
  if (Boolean(readEmbedMode(location.hash)) !== Boolean(embed)) location.reload();
});
