// Entry of the React app: sends the first requests, registers the AG Grid modules the grids use, and mounts the main
// window (with the 只读 banner when the database can only be read), or the recovery screen when it is damaged.
import { createRoot } from 'react-dom/client';
import { registerGridModules } from './grid/modules';
import { send, sendAhead } from './api';
import { App } from './App';
import { Recovery } from './views/recovery/Recovery';
import { StartNotices } from './views/recovery/StartNotices';
import './styles.css';
import './grid.css';
import './parts.css';

// The window's first questions go out before React builds anything; App claims the answers when it asks.
const info = send('app.info', {});
sendAhead('rounds.list', {});
sendAhead('settings.get', {});
registerGridModules();

const root = createRoot(document.getElementById('root')!);
info.then(
  (i) => root.render(i.state === 'damaged' ? <Recovery info={i} /> : <StartNotices info={i}><App /></StartNotices>),
  // Without an answer (the service is gone) the window opens as usual and says why its requests fail.
  () => root.render(<App />),
);
