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

  connectedCallback() {
    this._render();
  }

  disconnectedCallback() {
    if (this._chart) {
      this._chart.destroy();
      this._chart = undefined;
    }
  }

  _render() {
    if (!this.isConnected || !this._options) {
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
      this._chart = new ApexCharts(this, options);
      this._chart.render();
    }
  }
}

customElements.define('rectify-apex-chart', RectifyApexChart);
