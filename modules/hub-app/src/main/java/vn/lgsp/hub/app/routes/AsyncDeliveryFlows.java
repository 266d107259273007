package vn.lgsp.hub.app.routes;

import org.springframework.beans.BeansException;
import org.springframework.beans.factory.BeanFactory;
import org.springframework.beans.factory.BeanFactoryAware;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.beans.factory.support.BeanDefinitionRegistry;
import org.springframework.beans.factory.support.BeanDefinitionRegistryPostProcessor;
import org.springframework.beans.factory.support.RootBeanDefinition;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.EnvironmentAware;
import org.springframework.core.env.Environment;
import vn.lgsp.hub.app.delivery.ConnectorCall;
import vn.lgsp.hub.app.delivery.DeliveryFlow;

/**
 * A {@link DeliveryFlow} bean for each {@code hub-async-delivery} route of the route files, so that the delivery
 * engine builds its consumer, retries and dead letters like for the hub's own flows. Bean definitions are registered
 * before any bean is made, the engine's included, so the files are read here from the environment (with the same
 * {@link RouteFiles} checks as the other readers); the flows' own dependencies are resolved when they are made.
 */
public class AsyncDeliveryFlows implements BeanDefinitionRegistryPostProcessor, EnvironmentAware, BeanFactoryAware {

    private Environment environment;
    private BeanFactory beanFactory;

    @Override
    public void setEnvironment(Environment environment) {
        this.environment = environment;
    }

    @Override
    public void setBeanFactory(BeanFactory beanFactory) {
        this.beanFactory = beanFactory;
    }

    @Override
    public void postProcessBeanDefinitionRegistry(BeanDefinitionRegistry registry) throws BeansException {
        RoutesProperties props = Binder.get(environment).bind("hub.routes", RoutesProperties.class)
                .orElseGet(() -> new RoutesProperties(null, null, null, null));
        for (RouteFiles.TemplatedRoute route : RouteFiles.read(props).templatedRoutes()) {
            if (!RouteTemplates.ASYNC_DELIVERY.equals(route.template())) {
                continue;
            }
            DeliveryFlow.Spec spec = AsyncDeliveryFlow.spec(route, props.retry());
            String target = route.parameter("target");
            RootBeanDefinition flow = new RootBeanDefinition(AsyncDeliveryFlow.class,
                    () -> new AsyncDeliveryFlow(spec, target, beanFactory.getBean(ConnectorCall.class)));
            registry.registerBeanDefinition("hubRouteFlow-" + spec.name(), flow);
        }
    }

    @Override
    public void postProcessBeanFactory(ConfigurableListableBeanFactory beanFactory) throws BeansException {
        // nothing: the definitions are all this does
    }
}
