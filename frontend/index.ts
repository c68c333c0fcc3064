// The portal's entry point. It is Vaadin's generated one (Vaadin's router, every route served by Flow) with one
// change for the first visit: Flow would load the components every page needs only after its first server round
// trip, and its client only after those, one after the other. Here both start loading with this script, while the
// browser waits for that round trip, so that on a 2-core machine the client is ready when the server's answer is.
import { Router } from '@vaadin/router';
import { Flow } from 'Frontend/generated/jar-resources/Flow.js';

const components = import('Frontend/generated/flow/generated-flow-imports.js');
// Flow imports the same module itself later; this only fetches and compiles it sooner.
import('Frontend/generated/jar-resources/FlowClient.js');

const { serverSideRoutes } = new Flow({
  imports: () => components
});

const router = new Router(document.querySelector('#outlet'));
router.setRoutes([...serverSideRoutes]);
