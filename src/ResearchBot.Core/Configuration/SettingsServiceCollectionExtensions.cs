using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace ResearchBot.Configuration;

/// <summary>Registers an options class bound to its section, checked by its validator when the host starts.</summary>
public static class SettingsServiceCollectionExtensions
{
    /// <summary>
    /// <c>AddOptions&lt;T&gt;().Bind(section).ValidateOnStart()</c> with <typeparamref name="TValidator"/>: a bad value, or one
    /// of the wrong type, fails at start naming its key (hosts that do not start call <see cref="IStartupValidator"/> themselves).
    /// </summary>
    public static OptionsBuilder<TOptions> AddValidatedOptions<TOptions, TValidator>(this IServiceCollection services, IConfiguration configuration, string section)
        where TOptions : class
        where TValidator : class, IValidateOptions<TOptions>
    {
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<TOptions>, TValidator>());
        return services.AddOptions<TOptions>().Bind(configuration.GetSection(section)).ValidateOnStart();
    }
}
