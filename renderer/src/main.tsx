// Entry of the React app: sends the first requests, registers the AG Grid modules the grids use, mounts the main window.
import { createRoot } from 'react-dom/client';
import { registerGridModules } from './grid/modules';
import { sendAhead } from './api';
import { App } from './App';
import './styles.css';
import './grid.css';
import './parts.css';

// The window's first questions go out before React builds anything; App claims the answers when it asks.
sendAhead('rounds.list', {});
sendAhead('settings.get', {});
registerGridModules();

createRoot(document.getElementById('root')!).render(<App />);
