import { render } from 'solid-js/web';
import '@cydweithio/ui/ui.css';
import './styles/app.css';
import './styles/cycle.css';
import { App } from './App';
import { registerServiceWorker } from './sw/registerServiceWorker';

const root = document.getElementById('root');
if (!root) throw new Error('#root missing from index.html');
render(() => <App />, root);
registerServiceWorker();
