import { render } from 'solid-js/web';
import '@cydweithio/ui/ui.css';
import './styles/app.css';
import './styles/cycle.css';
import { App } from './App';
import { readStoredLocale } from './i18n/createLocaleState';
import { loadCatalogue } from './i18n/loadedCatalogues';
import { registerServiceWorker } from './sw/registerServiceWorker';

const root = document.getElementById('root');
if (!root) throw new Error('#root missing from index.html');
// The chosen language's strings (one chunk, cached by the service worker) load alongside the
// app's start: the shell shows the screen once they are in (AppShell).
void loadCatalogue(readStoredLocale()).catch(() => undefined);
render(() => <App />, root);
registerServiceWorker();
