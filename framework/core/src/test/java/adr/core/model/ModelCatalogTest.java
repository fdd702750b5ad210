package adr.core.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ModelCatalogTest {

    @Test
    void listsEachModelsConvolutionsInOrderWithoutData() {
        assertThat(ModelCatalog.convolutions("cifarnet")).containsExactly("conv1", "conv2");
        assertThat(ModelCatalog.convolutions("vgg-small"))
                .containsExactly("conv1", "conv2", "conv3", "conv4", "conv5", "conv6");
    }

    @Test
    void anUnknownModelNamesTheKnownOnes() {
        assertThatThrownBy(() -> ModelCatalog.convolutions("resnet"))
                .hasMessage("unknown model 'resnet'; known models: cifarnet, vgg-small");
    }
}
