package dk.fsc.devices.internal;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;

import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

/**
 * Where Danish postal codes lie: the product's own table {@code devices/postal-codes.csv} (the
 * centre of each postal district, with its inhabitants). A code the table lacks is placed at the
 * nearest lower code it has, which is in the same part of the country.
 */
@Component
class PostalCodes {

    record Coordinates(double latitude, double longitude) {
    }

    private final NavigableMap<Integer, Coordinates> byCode = new TreeMap<>();

    PostalCodes() {
        try (BufferedReader in = new BufferedReader(new InputStreamReader(
                new ClassPathResource("devices/postal-codes.csv").getInputStream(), StandardCharsets.UTF_8))) {
            in.lines().skip(1).map(line -> line.split(",")).forEach(f -> byCode.put(Integer.parseInt(f[0]),
                    new Coordinates(Double.parseDouble(f[2]), Double.parseDouble(f[3]))));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    Coordinates of(String postalCode) {
        int code = postalCode.matches("[0-9]{4}") ? Integer.parseInt(postalCode) : 8000;
        Map.Entry<Integer, Coordinates> entry = byCode.floorEntry(code);
        return entry != null ? entry.getValue() : byCode.firstEntry().getValue();
    }
}
