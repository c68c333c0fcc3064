// <rectify-apex-chart>: a thin custom element over ApexCharts (MIT, 4.7.0). The server sets `options` (a JSON
// string built from typed Java records); clicks on bars and slices come back as `data-point-selection` events.
import ApexCharts from 'apexcharts';

class RectifyApexChart extends HTMLElement {
  set options(json) {
    this._options = json;
    this._render();
  }

  get options() {
    return this._options;
  }

  // The first drawing waits until the element has been laid out with a width: Vaadin builds a view hidden and then
  // moves it into the page, and a chart drawn on connecting was drawn for nothing (and measured a half-built page).
  connectedCallback() {
    this._width = 0;
    this._sized = this._sized || new ResizeObserver(entries => {
      this._width = entries[entries.length - 1].contentRect.width;
      this._render();
    });
    this._sized.observe(this);
  }

  disconnectedCallback() {
    this._sized.disconnect();
    if (this._chart) {
      this._chart.destroy();
      this._chart = undefined;
    }
  }

  _render() {
    if (!this.isConnected || !this._options || (!this._chart && !this._width)) {
      return;
    }
    const options = JSON.parse(this._options);
    options.chart = options.chart || {};
    options.chart.events = {
      dataPointSelection: (event, context, config) => {
        this.dispatchEvent(new CustomEvent('data-point-selection', {
          detail: { seriesIndex: config.seriesIndex, dataPointIndex: config.dataPointIndex },
        }));
      },
    };
    if (this._chart) {
      this._chart.updateOptions(options, true, true);
    } else {
      // From here on ApexCharts follows the element's size itself.
      this._sized.disconnect();
      this._chart = new ApexCharts(this, options);
      this._chart.render();
    }
  }
}

customElements.define('rectify-apex-chart', RectifyApexChart);
