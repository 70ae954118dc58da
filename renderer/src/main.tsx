// Entry of the React app: registers the AG Grid modules the grids use and mounts the main window.
import { createRoot } from 'react-dom/client';
import { registerGridModules } from './grid/modules';
import { App } from './App';
import './styles.css';

registerGridModules();

createRoot(document.getElementById('root')!).render(<App />);
