using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace ResearchBot.Configuration;

/// <summary>Registers an options class bound to its section, checked by its validator when the host starts.</summary>
public static class SettingsServiceCollectionExtensions
{
    /// <summary>
    /// <c>AddOptions&lt;T&gt;().BindConfiguration(section).ValidateOnStart()</c> with <typeparamref name="TValidator"/>: a bad value, or one
    /// of the wrong type, fails at start naming its key (hosts that do not start call <see cref="IStartupValidator"/> themselves).
    /// The section is read from the container's <see cref="IConfiguration"/>; <paramref name="configuration"/> is registered as
    /// that when the host has not registered one (a bare <see cref="ServiceCollection"/>).
    /// </summary>
    public static OptionsBuilder<TOptions> AddValidatedOptions<TOptions, TValidator>(this IServiceCollection services, IConfiguration configuration, string section)
        where TOptions : class
        where TValidator : class, IValidateOptions<TOptions>
    {
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<TOptions>, TValidator>());
        return Bind<TOptions>(services, configuration, section);
    }

    /// <summary>As <see cref="AddValidatedOptions{TOptions, TValidator}"/>, with a validator instance (one that needs arguments).</summary>
    public static OptionsBuilder<TOptions> AddValidatedOptions<TOptions>(this IServiceCollection services, IConfiguration configuration, string section,
        IValidateOptions<TOptions> validator)
        where TOptions : class
    {
        services.AddSingleton(validator);
        return Bind<TOptions>(services, configuration, section);
    }

    private static OptionsBuilder<TOptions> Bind<TOptions>(IServiceCollection services, IConfiguration configuration, string section)
        where TOptions : class
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.TryAddSingleton(configuration);
        return services.AddOptions<TOptions>().BindConfiguration(section).ValidateOnStart();
    }
}
