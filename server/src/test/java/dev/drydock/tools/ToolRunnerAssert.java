package dev.drydock.tools;

import static org.assertj.core.api.Assertions.assertThat;

/** Assertions on a tool response, shaped as STYLE.md says error results must be. */
final class ToolRunnerAssert {
    private final ToolRunner.Response response;

    ToolRunnerAssert(ToolRunner.Response response) {
        this.response = response;
    }

    ToolRunnerAssert ok() {
        assertThat(response.isError()).as("expected success but got: %s", response.text()).isFalse();
        return this;
    }

    ToolRunnerAssert refused(String code) {
        assertThat(response.isError()).as("expected %s but got success: %s", code, response.text()).isTrue();
        assertThat(response.structured()).containsEntry("code", code).containsKeys("message", "nextSteps");
        assertThat(response.text()).startsWith(code + ": ");
        return this;
    }

    ToolRunnerAssert messageContains(String fragment) {
        assertThat(response.structured().get("message").toString()).contains(fragment);
        return this;
    }
}
