// One line per screen: importing the file registers it (screens.js says how to write one).
import './inbox.js';
import './lead.js';
import './post.js';
import './search.js';
import './networks.js';
import './directory.js';
import './admin.js';
import './price.js';
import './actions.js';
import './settings.js';
import './reports.js';
import './rewards.js';
import './area.js';
import './forms.js';
import './major.js';
import './informants.js';
import './imports.js';
