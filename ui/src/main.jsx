import { render } from 'preact';
import { App } from './app/App.jsx';
import './ui/app.css';

render(<App />, document.getElementById('app'));
