package org.rectify.base.ui.chart;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.vaadin.flow.component.ComponentEvent;
import com.vaadin.flow.component.ComponentEventListener;
import com.vaadin.flow.component.DomEvent;
import com.vaadin.flow.component.EventData;
import com.vaadin.flow.component.HasSize;
import com.vaadin.flow.component.Tag;
import com.vaadin.flow.component.dependency.JsModule;
import com.vaadin.flow.component.dependency.NpmPackage;
import com.vaadin.flow.shared.Registration;

/**
 * A chart of any ApexCharts type, configured on the server with {@link ChartOptions}. The Vaadin add-on for
 * ApexCharts is not on Maven Central, so this small component wraps the JavaScript library itself.
 */
@Tag("rectify-apex-chart")
@NpmPackage(value = "apexcharts", version = "4.7.0")
@JsModule("./components/apex-chart.js")
public class ApexChart extends com.vaadin.flow.component.Component implements HasSize {

    private static final ObjectMapper JSON = JsonMapper.builder().findAndAddModules().build();

    private ChartOptions options;

    public ApexChart() {
        getElement().getStyle().set("display", "block");
    }

    public ApexChart(ChartOptions options) {
        this();
        setOptions(options);
    }

    public void setOptions(ChartOptions options) {
        this.options = options;
        try {
            getElement().setProperty("options", JSON.writeValueAsString(options));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("chart options not serializable", e);
        }
    }

    public ChartOptions getOptions() {
        return options;
    }

    public Registration addDataPointSelectionListener(ComponentEventListener<DataPointSelectionEvent> listener) {
        return addListener(DataPointSelectionEvent.class, listener);
    }

    /** A click on a bar, slice or point: which series and which category (both 0-based). */
    @DomEvent("data-point-selection")
    public static class DataPointSelectionEvent extends ComponentEvent<ApexChart> {
        private final int seriesIndex;
        private final int dataPointIndex;

        public DataPointSelectionEvent(ApexChart source, boolean fromClient,
                @EventData("event.detail.seriesIndex") int seriesIndex,
                @EventData("event.detail.dataPointIndex") int dataPointIndex) {
            super(source, fromClient);
            this.seriesIndex = seriesIndex;
            this.dataPointIndex = dataPointIndex;
        }

        public int seriesIndex() {
            return seriesIndex;
        }

        public int dataPointIndex() {
            return dataPointIndex;
        }
    }
}
